// The two Node.js globals js-client.mjs uses, so the type check needs no @types/node download.
declare const process: { argv: string[]; exit(code: number): never };
