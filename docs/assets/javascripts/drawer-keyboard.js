// The menu of narrow screens from the keyboard. Material's menu button is a label for a
// hidden checkbox: overrides/partials/header.html puts it in the Tab order, nav-item.html the
// label that opens the page's contents inside the menu, and Material's script already clicks
// a focused label on Enter. Here: Space does the same, the menu takes focus when it opens from
// the button, Escape closes it and returns to the button, and focus that leaves it (Tab past
// its end) closes it, as the page behind takes focus; the same for a panel inside it.
(() => {
  const toggle = document.getElementById("__drawer")
  const button = document.querySelector(".md-header label[for=__drawer]")
  const drawer = document.querySelector(".md-sidebar--primary")
  if (!toggle || !button || !drawer) return

  document.addEventListener("keydown", event => {
    const target = event.target
    // Space on any label in the Tab order: the menu button, and the menu's panel openers.
    if (event.key === " " && target instanceof HTMLLabelElement && target.tabIndex >= 0) {
      event.preventDefault()  // not a scroll
      target.click()
    } else if (event.key === "Escape" && toggle.checked) {
      toggle.click()
      button.focus()
    }
  })
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement === button)
      drawer.querySelector("a[href]").focus()
  })
  document.addEventListener("focusin", event => {
    const target = event.target
    if (!toggle.checked || target === button) return
    if (!drawer.contains(target)) return toggle.click()
    // Tab past the end of an open panel (the page's contents, a section) closes the panel:
    // the items it covers come next.
    for (const panelToggle of drawer.querySelectorAll(".md-nav__toggle:checked")) {
      const panel = panelToggle.parentElement.querySelector(":scope > .md-nav")
      const opener = drawer.querySelector(`label[for="${panelToggle.id}"]`)
      if (panel && !panel.contains(target) && target !== opener) panelToggle.checked = false
    }
  })
})()
