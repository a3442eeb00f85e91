// A tap on a footnote marker shows its source where the reader is (Material's footnote
// tooltip, which opens on focus) instead of jumping to the list at the foot of the page.
// Mouse clicks and the keyboard's Enter still jump; the tooltip links to the source list.
document.addEventListener("click", event => {
  const marker = event.target instanceof Element && event.target.closest("a.footnote-ref")
  if (marker && event.pointerType === "touch") {
    event.preventDefault()
    marker.focus()
  }
})
