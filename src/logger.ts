/** The core never writes to the console: adapters hand it one of these (core-backed in the action, stderr in the CLI). */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
};
