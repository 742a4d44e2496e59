// The few Mocha BDD globals the suite uses (Mocha itself is loaded from test/e2e/node_modules at run
// time; its types are not a dependency of the extension).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => Promise<void> | void): void;
declare function before(body: () => Promise<void> | void): void;
declare function after(body: () => Promise<void> | void): void;
declare function afterEach(body: () => Promise<void> | void): void;
