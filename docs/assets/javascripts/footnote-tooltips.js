// A footnote's source shown where the reader is: on hover, on keyboard focus, or on a tap
// (which would otherwise jump to the list at the foot of the page). A mouse click and the
// keyboard's Enter still jump; Escape closes it.
//
// Material's own footnote tooltips (content.footnote.tooltips) set up every marker as the
// page loads: 50-80 ms of a phone's main thread on a long page (make bench). This builds
// the one tooltip a reader asks for, when they ask, with Material's markup and styles.
(() => {
  const LINGER = 250  // ms a tooltip stays after the pointer leaves, so that it can be reached
  let open = null     // { marker, tooltip }
  let sequence = 0
  let closing

  const markerIn = target => target instanceof Element ? target.closest("a.footnote-ref") : null

  function show(marker) {
    clearTimeout(closing)
    if (open && open.marker === marker) return
    close()
    const note = document.getElementById(decodeURIComponent(new URL(marker.href).hash.slice(1)))
    if (!note) return
    const tooltip = document.createElement("div")
    tooltip.className = "md-tooltip2"
    tooltip.setAttribute("role", "dialog")
    tooltip.id = `footnote-tooltip-${sequence++}`
    const inner = document.createElement("div")
    inner.className = "md-tooltip2__inner md-typeset"
    inner.append(...note.cloneNode(true).children)
    tooltip.append(inner)
    tooltip.addEventListener("mouseleave", closeLater)
    tooltip.addEventListener("mouseenter", () => clearTimeout(closing))
    document.body.append(tooltip)

    // Below the marker, or above it when it sits in the lower half of the screen.
    const host = marker.getBoundingClientRect()
    const y = host.y >= innerHeight / 2 ? -16 - tooltip.offsetHeight : 16 + host.height
    tooltip.style.setProperty("--md-tooltip-host-x", `${host.x + scrollX}px`)
    tooltip.style.setProperty("--md-tooltip-host-y", `${host.y + scrollY}px`)
    tooltip.style.setProperty("--md-tooltip-x", `${host.width / 2}px`)
    tooltip.style.setProperty("--md-tooltip-y", `${y}px`)
    tooltip.classList.add(y < 0 ? "md-tooltip2--top" : "md-tooltip2--bottom")
    marker.setAttribute("aria-controls", tooltip.id)
    marker.setAttribute("aria-haspopup", "dialog")
    // Added, then shown: so that it fades in.
    requestAnimationFrame(() => tooltip.classList.add("md-tooltip2--active"))
    open = { marker, tooltip }
  }

  function close() {
    clearTimeout(closing)
    if (!open) return
    const { marker, tooltip } = open
    open = null
    marker.removeAttribute("aria-controls")
    marker.removeAttribute("aria-haspopup")
    tooltip.classList.remove("md-tooltip2--active")
    setTimeout(() => tooltip.remove(), LINGER)
  }

  // Close unless the reader is still on the marker or the tooltip, by pointer or focus.
  function closeLater() {
    clearTimeout(closing)
    closing = setTimeout(() => {
      if (!open) return
      const { marker, tooltip } = open
      const here = element => element.matches(":hover") || element.contains(document.activeElement)
      if (!here(marker) && !here(tooltip)) close()
    }, LINGER)
  }

  document.addEventListener("mouseover", event => {
    const marker = markerIn(event.target)
    if (marker) show(marker)
  })
  document.addEventListener("mouseout", event => {
    if (markerIn(event.target) && !markerIn(event.relatedTarget)) closeLater()
  })
  document.addEventListener("focusin", event => {
    const marker = markerIn(event.target)
    if (marker) show(marker)
  })
  document.addEventListener("focusout", event => {
    if (markerIn(event.target)) closeLater()
  })
  document.addEventListener("click", event => {
    const marker = markerIn(event.target)
    if (marker && event.pointerType === "touch") {
      event.preventDefault()
      marker.focus()
      show(marker)
    }
  })
  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && open) close()
  })
})()
