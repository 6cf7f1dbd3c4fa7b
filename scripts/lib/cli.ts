/** The one wrapper every entry script runs its main() in: a message instead of a stack trace, and an exit code. */
export function run(main: () => number | Promise<number>, failureCode = 1): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = failureCode;
      },
    );
}
