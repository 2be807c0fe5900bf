# Las fases de una orden larga, con su tiempo: se carga con `source scripts/fases.sh CARPETA`.
#   fase NOMBRE ORDEN [ARGUMENTOS…]   corre la orden y anota cuánto tardó (y si falló)
# Al salir (también si algo falla) imprime la tabla y la deja en CARPETA/fases.tsv y CARPETA/fases.md, para
# ver qué fase se llevó el tiempo y comparar una corrida con otra.
_fases_carpeta=${1:-resultados}
# La cuenta se lleva fuera de la carpeta: pytest-playwright borra su --output (por omisión, resultados/) al
# empezar cada corrida, y la tabla se escribe ahí al final.
_fases_tsv=$(mktemp)
_fases_inicio=$SECONDS
printf 'fase\tsegundos\tresultado\n' > "$_fases_tsv"

fase() {
  # La orden corre en una subcapa con -e (también dentro de una función que encadena varias órdenes: la
  # primera que falle termina la fase); fuera de un `||`, para que bash no apague -e dentro de ella.
  local nombre=$1 inicio=$SECONDS codigo opciones=$-
  shift
  set +e
  (set -e; "$@")
  codigo=$?
  [[ $opciones == *e* ]] && set -e
  printf '%s\t%s\t%s\n' "$nombre" "$((SECONDS - inicio))" "$([ "$codigo" = 0 ] && echo bien || echo "falló ($codigo)")" \
    >> "$_fases_tsv"
  return "$codigo"
}

_fases_tabla() {
  local codigo=$?
  local total=$((SECONDS - _fases_inicio))
  mkdir -p "$_fases_carpeta"
  cp "$_fases_tsv" "$_fases_carpeta/fases.tsv"
  {
    echo "| Fase | Segundos | Resultado |"
    echo "|---|--:|---|"
    tail -n +2 "$_fases_tsv" | while IFS=$'\t' read -r nombre segundos resultado; do
      echo "| $nombre | $segundos | $resultado |"
    done
    echo "| total | $total | $([ "$codigo" = 0 ] && echo bien || echo "falló ($codigo)") |"
  } > "$_fases_carpeta/fases.md"
  echo
  echo "Fases y su tiempo (también en $_fases_carpeta/fases.md):"
  { tail -n +2 "$_fases_tsv"; printf 'total\t%s\t\n' "$total"; } \
    | awk -F'\t' '{ printf "  %-62s %6ss  %s\n", $1, $2, $3 }'
  rm -f "$_fases_tsv"
  return "$codigo"
}
trap _fases_tabla EXIT
