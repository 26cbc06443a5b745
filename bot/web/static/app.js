// Progressive enhancement only: the copy-citation buttons (hidden without JavaScript).
document.querySelectorAll("button.copy").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.cite);
      button.textContent = "✓";
    } catch (error) {
      button.textContent = "×";
    }
  });
});
