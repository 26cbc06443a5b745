// Progressive enhancement only: the copy-citation buttons (hidden without JavaScript).
// No inline script anywhere: the Content-Security-Policy allows scripts from this origin only.
"use strict";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // Plain http (a LAN deployment): the clipboard API is absent; a selected text area works.
  return new Promise((resolve, reject) => {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (ok) {
      resolve();
    } else {
      reject(new Error("copy refused"));
    }
  });
}

document.querySelectorAll("button.copy").forEach((button) => {
  button.hidden = false;
  const status = button.parentElement.querySelector(".copied");
  button.addEventListener("click", () => {
    copyText(button.dataset.cite).then(
      () => { if (status) { status.textContent = button.dataset.done; } },
      () => { if (status) { status.textContent = button.dataset.failed; } },
    );
  });
});
