// Pain drawing, progressive enhancement only. Without this file, tapping a region of the body diagram already
// ticks its checkbox (each region sits in a <label for> of it), but the browser then scrolls the page down to the
// checkbox. This toggles the box in place instead, so a person can tap several regions without losing the diagram.
document.addEventListener('click', function (event) {
  var target = event.target;
  var label = target instanceof Element ? target.closest('.pain-figure.is-interactive label[for]') : null;
  var box = label ? document.getElementById(label.htmlFor) : null;
  if (!box || box.type !== 'checkbox') {
    return;
  }

  event.preventDefault();
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
  box.focus({ preventScroll: true });
});
