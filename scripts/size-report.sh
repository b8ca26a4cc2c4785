#!/usr/bin/env bash
# Prints the sizes of what a browser downloads from dist/: raw, gzip and brotli bytes.
set -euo pipefail
dist=${1:-dist}
brotli_size() { if command -v brotli >/dev/null 2>&1; then brotli -q 11 -c "$1" | wc -c; else echo "-"; fi; }
printf '\nSize report of %s/ (bytes)\n' "$dist"
printf '%-8s %-44s %10s %10s %10s\n' kind file raw gzip brotli
total_raw=0; total_gzip=0
for pattern in '*.wasm:wasm' '*.js:js' '*.css:css' '*.html:html'; do
  glob=${pattern%%:*}; kind=${pattern##*:}
  while IFS= read -r file; do
    raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)); total_gzip=$((total_gzip + gz))
    printf '%-8s %-44s %10d %10d %10s\n' "$kind" "${file#"$dist"/}" "$raw" "$gz" "$(brotli_size "$file")"
  done < <(find "$dist" -maxdepth 1 -name "$glob" | sort)
done
printf '%-8s %-44s %10d %10d\n' total "first download" "$total_raw" "$total_gzip"
