// Consultations: selecting words of a part's text fills the comment form's "quoted passage" field
// (mouse, touch or keyboard selection; phones fire selectionchange too). Without JavaScript the field is typed by hand.
(function () {
  var source = document.querySelector('[data-quote-source]');
  var field = document.getElementById('f-quote');
  if (!source || !field) return;
  document.addEventListener('selectionchange', function () {
    var s = document.getSelection();
    if (!s || s.isCollapsed || s.rangeCount === 0) return;
    var range = s.getRangeAt(0);
    if (!source.contains(range.commonAncestorContainer)) return;
    var text = s.toString().replace(/\s+/g, ' ').trim();
    if (text) field.value = text.slice(0, 1000);
  });
})();
