// The EHR page's only script: after a launch the page reloads with the list at the top, so bring the
// chosen patient back into view. Everything else works without script.

export const EHR_SCRIPT = `"use strict";
(function () {
  var checked = document.querySelector('.patients input[type=radio]:checked');
  var label = checked && checked.closest('label');
  if (label) label.scrollIntoView({ block: 'nearest' });
})();
`;
