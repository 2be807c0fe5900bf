# Las fases de una orden larga, con su tiempo: se carga con `source scripts/fases.sh CARPETA`.
#   fase NOMBRE ORDEN [ARGUMENTOS…]   corre la orden y anota cuánto tardó (y si falló)
# Al salir (también si algo falla) imprime la tabla y la deja en CARPETA/fases.tsv y CARPETA/fases.md, para
# ver qué fase se llevó el tiempo y comparar una corrida con otra. De cada fase dice también cuántos núcleos
# de la máquina estuvieron ocupados en promedio (de /proc/stat, los de toda la máquina): una fase que los
# ocupa todos no se acorta corriendo otra a la vez.
_fases_carpeta=${1:-resultados}
# La cuenta se lleva fuera de la carpeta: pytest-playwright borra su --output (por omisión, resultados/) al
# empezar cada corrida, y la tabla se escribe ahí al final.
_fases_tsv=$(mktemp)
_fases_inicio=$SECONDS
printf 'fase\tsegundos\tnucleos\tresultado\n' > "$_fases_tsv"
_fases_nucleos=$(nproc 2>/dev/null || echo 1)

_fases_cpu() {  # «ocupado total» de la máquina hasta ahora, en tics de /proc/stat (vacío si no lo hay)
  [ -r /proc/stat ] || return 0
  awk '/^cpu / { total = 0; for (i = 2; i <= NF; i++) total += $i; print total - $5 - $6, total; exit }' /proc/stat
}

_fases_ocupados() {  # ANTES DESPUÉS (cada uno «ocupado total»): los núcleos ocupados en promedio entre ellos
  [ -n "$1" ] && [ -n "$2" ] || { echo "?"; return 0; }
  awk -v a="$1" -v b="$2" -v n="$_fases_nucleos" 'BEGIN {
    split(a, x, " "); split(b, y, " "); t = y[2] - x[2]
    if (t <= 0) print "?"; else printf "%.2f de %d\n", n * (y[1] - x[1]) / t, n }'
}
_fases_cpu_inicio=$(_fases_cpu)

fase() {
  # La orden corre en una subcapa con -e (también dentro de una función que encadena varias órdenes: la
  # primera que falle termina la fase); fuera de un `||`, para que bash no apague -e dentro de ella.
  local nombre=$1 inicio=$SECONDS codigo opciones=$- cpu
  cpu=$(_fases_cpu)
  shift
  set +e
  (set -e; "$@")
  codigo=$?
  [[ $opciones == *e* ]] && set -e
  printf '%s\t%s\t%s\t%s\n' "$nombre" "$((SECONDS - inicio))" "$(_fases_ocupados "$cpu" "$(_fases_cpu)")" \
    "$([ "$codigo" = 0 ] && echo bien || echo "falló ($codigo)")" >> "$_fases_tsv"
  return "$codigo"
}

_fases_tabla() {
  local codigo=$?
  local total=$((SECONDS - _fases_inicio))
  mkdir -p "$_fases_carpeta"
  cp "$_fases_tsv" "$_fases_carpeta/fases.tsv"
  local ocupados
  ocupados=$(_fases_ocupados "$_fases_cpu_inicio" "$(_fases_cpu)")
  {
    echo "| Fase | Segundos | Núcleos ocupados | Resultado |"
    echo "|---|--:|--:|---|"
    tail -n +2 "$_fases_tsv" | while IFS=$'\t' read -r nombre segundos nucleos resultado; do
      echo "| $nombre | $segundos | $nucleos | $resultado |"
    done
    echo "| total | $total | $ocupados |" \
      "$([ "$codigo" = 0 ] && echo bien || echo "falló ($codigo)") |"
  } > "$_fases_carpeta/fases.md"
  echo
  echo "Fases y su tiempo (también en $_fases_carpeta/fases.md):"
  { tail -n +2 "$_fases_tsv"; printf 'total\t%s\t%s\t\n' "$total" "$ocupados"; } \
    | awk -F'\t' '{ printf "  %-56s %6ss  %-13s %s\n", $1, $2, $3, $4 }'
  rm -f "$_fases_tsv"
  return "$codigo"
}
trap _fases_tabla EXIT
