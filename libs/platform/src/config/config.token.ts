/** DI token of the validated ConnectorConfig (a plain object, so a Symbol rather than a class). */
export const CONNECTOR_CONFIG = Symbol('CONNECTOR_CONFIG');
