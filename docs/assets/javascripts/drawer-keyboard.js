// The menu of narrow screens from the keyboard. Material's menu button is a label for a
// hidden checkbox; overrides/partials/header.html puts it in the Tab order, and Material's
// script already clicks a focused label on Enter. Here: Space does the same, the drawer
// takes focus when it opens from the button, and Escape closes it and returns to the button.
(() => {
  const toggle = document.getElementById("__drawer")
  const button = document.querySelector(".md-header label[for=__drawer]")
  const drawer = document.querySelector(".md-sidebar--primary")
  if (!toggle || !button || !drawer) return

  button.addEventListener("keydown", event => {
    if (event.key !== " ") return
    event.preventDefault()  // not a scroll
    button.click()
  })
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement === button)
      drawer.querySelector("a[href]").focus()
  })
  document.addEventListener("keydown", event => {
    if (event.key !== "Escape" || !toggle.checked) return
    toggle.click()
    button.focus()
  })
})()
