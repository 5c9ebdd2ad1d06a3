/**
 * Chart.js, loaded only by the Stats pages (Chart.tsx imports this module with `import()`, so Vite puts it in a
 * chunk of its own) and with only what a bar chart needs registered: the rest of the library (other chart types,
 * the legend, animations of lines) is tree-shaken out of that chunk.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export { Chart };
