// The Restricted Mode run's extensionTestsPath: the same Mocha runner over the files of this folder.
import { runSuiteFolder } from '../index';

export function run(): Promise<void> {
  return runSuiteFolder(__dirname);
}
