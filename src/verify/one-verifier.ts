/**
 * The widget's entry point, the single ES module a web team loads with
 * `<script type="module" src="/widget/one-verifier.js">` (built into dist/widget/ by
 * vite.widget.config.ts; see docs/embedding.md). It only defines `<one-verifier>`; the define is
 * guarded, so a second copy on the page does no harm. The scanner's code and its decoder worker
 * are separate files, loaded only when scanning starts.
 */
import '../components/verifier/verifier.js';
