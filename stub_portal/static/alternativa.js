// La piel alternativa, sin JavaScript en línea (la política de contenido lo prohíbe):
// - la confirmación de «Cerrar la sesión» es un div role="dialog" sobre un velo (no un <dialog>): se abre
//   con el botón que lo nombra en data-dialogo, se cierra con «No» o con Escape, y el foco no sale de él;
// - en las pestañas, las flechas izquierda y derecha pasan de una a otra.
(() => {
  let disparador = null;

  const enfocables = (velo) => [...velo.querySelectorAll("button, input:not([type=hidden]), a[href]")];

  const abrir = (velo, boton) => {
    disparador = boton;
    velo.hidden = false;
    boton.setAttribute("aria-expanded", "true");
    enfocables(velo)[0].focus();
  };

  const cerrar = (velo) => {
    velo.hidden = true;
    if (disparador) {
      disparador.setAttribute("aria-expanded", "false");
      disparador.focus();
    }
  };

  document.addEventListener("click", (evento) => {
    const boton = evento.target.closest("[data-dialogo]");
    if (boton) abrir(document.getElementById(boton.dataset.dialogo), boton);
    const cierra = evento.target.closest("[data-cerrar-dialogo]");
    if (cierra) cerrar(cierra.closest(".velo"));
  });

  document.addEventListener("keydown", (evento) => {
    const velo = document.querySelector(".velo:not([hidden])");
    if (velo && evento.key === "Escape") {
      cerrar(velo);
    } else if (velo && evento.key === "Tab") {
      const lista = enfocables(velo);
      const [primero, ultimo] = [lista[0], lista[lista.length - 1]];
      if (evento.shiftKey && document.activeElement === primero) {
        ultimo.focus();
        evento.preventDefault();
      } else if (!evento.shiftKey && document.activeElement === ultimo) {
        primero.focus();
        evento.preventDefault();
      }
    }
    const ficha = evento.target.closest && evento.target.closest('[role="tab"]');
    if (ficha && (evento.key === "ArrowRight" || evento.key === "ArrowLeft")) {
      const fichas = [...ficha.closest('[role="tablist"]').querySelectorAll('[role="tab"]')];
      const paso = evento.key === "ArrowRight" ? 1 : -1;
      fichas[(fichas.indexOf(ficha) + paso + fichas.length) % fichas.length].focus();
      evento.preventDefault();
    }
  });
})();
