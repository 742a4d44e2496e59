// Intentionally empty: this extension exists so VS Code accepts extensionTestsPath.
exports.activate = () => undefined;
exports.deactivate = () => undefined;
