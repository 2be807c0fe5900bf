// El diálogo de «Cerrar la sesión»: sin JavaScript en línea, que la política de contenido prohíbe.
document.addEventListener("click", (evento) => {
  const abre = evento.target.closest("[data-abre]");
  if (abre) document.getElementById(abre.dataset.abre).showModal();
  const cierra = evento.target.closest("[data-cierra]");
  if (cierra) cierra.closest("dialog").close();
});
