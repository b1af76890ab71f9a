// Pathways pages' only script: the NHS.UK components, and charts drawn from the data each page carries
// in a <script type="application/json"> block beside its table (no inline script, so the CSP stays strict).
import { initAll } from '/assets/vendor/nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

function drawCharts(root) {
  if (!window.Chart) {
    return;
  }
  root.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
    if (canvas.dataset.drawn) {
      return;
    }
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) {
      return;
    }
    const spec = JSON.parse(source.textContent);
    const chart = new window.Chart(canvas, {
      type: spec.type || 'bar',
      data: spec.data,
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, spec.options || {}),
    });
    canvas.dataset.drawn = 'true';
    canvas.pathwaysChart = chart;
  });
}

drawCharts(document);
document.body.addEventListener('htmx:afterSettle', (event) => drawCharts(event.target));
