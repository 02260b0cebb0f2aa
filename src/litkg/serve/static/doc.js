// Scroll the highlighted evidence into the middle of the window.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const mark = document.getElementById("evidence");
  if (mark) mark.scrollIntoView({ block: "center" });
});
