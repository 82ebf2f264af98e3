/** Entry point of the `topo` command (bundled to out/cli.cjs). */
import { main } from './cli/main.js';

main(process.argv).then(code => {
    process.exitCode = code;
}, () => {
    process.exitCode = 2;
});
