// Commissioning: the offer form's cost summary updated as one types (the server computes the same sums on every save;
// without JavaScript they show what was last saved).
(function () {
  var box = document.querySelector('[data-offer-sums]');
  var form = document.querySelector('.offer-form');
  if (!box || !form) return;
  var SOURCES = ['grant', 'own_financial', 'own_in_kind', 'volunteer'];
  function grosze(v) {
    var s = String(v || '').replace(/[\s\u00a0]/g, '').replace(/zł$/i, '').replace(',', '.');
    if (s === '') return 0;
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
    var parts = s.split('.');
    return Number(parts[0]) * 100 + Number(((parts[1] || '') + '00').slice(0, 2));
  }
  function money(g) {
    var zl = String(Math.floor(g / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return zl + ',' + String(g % 100).padStart(2, '0') + ' zł';
  }
  function update() {
    var sums = { grant: 0, own_financial: 0, own_in_kind: 0, volunteer: 0 };
    for (var i = 0; i < 40; i++) {
      SOURCES.forEach(function (k) {
        var el = form.elements['cost_' + i + '_' + k];
        var g = el ? grosze(el.value) : 0;
        if (g) sums[k] += g;
      });
    }
    var total = sums.grant + sums.own_financial + sums.own_in_kind + sums.volunteer;
    SOURCES.forEach(function (k) {
      var dd = box.querySelector('[data-sum="' + k + '"]');
      if (dd) dd.textContent = money(sums[k]);
    });
    box.querySelector('[data-sum="total"]').textContent = money(total);
    var own = total === 0 ? 0 : Math.floor(((total - sums.grant) * 10000) / total) / 100;
    box.querySelector('[data-sum="own"]').textContent = String(own).replace('.', ',') + '%';
  }
  form.addEventListener('input', update);
})();
