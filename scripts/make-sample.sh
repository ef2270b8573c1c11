#!/usr/bin/env bash
# make-sample.sh - builds the "Try a sample" chart served from public/sample/:
# a small chart packaged like `helm package` (NAME-VERSION.tgz, top folder NAME/), its
# prov built like helm/pkg/provenance/sign.go (metadata YAML, "\n...\n", files YAML,
# clearsigned with SHA-512) and the signer's public key, armored. The key is a throwaway
# RSA 3072 key (every Helm version reads it; Helm 3 cannot read Ed25519) made in a temporary GNUPGHOME; its secret half is deleted with it.
# Needs gpg 2.2+, GNU tar, gzip, sha256sum. Re-running makes a new key and signature.
set -euo pipefail
OUT="$(cd "$(dirname "$0")/.." && pwd)/public/sample"
WORK="$(mktemp -d)"
trap 'gpgconf --homedir "$WORK/gnupg" --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/gnupg" "$OUT" && chmod 700 "$WORK/gnupg"
g() { gpg --homedir "$WORK/gnupg" --batch --no-tty --quiet --pinentry-mode loopback --passphrase '' "$@"; }

NAME=podinfo-lite VERSION=1.2.0
C="$WORK/src/$NAME"
mkdir -p "$C/templates"
cat > "$C/Chart.yaml" <<YAML
apiVersion: v2
name: $NAME
description: A tiny web application chart, signed as a chartproof sample
type: application
version: $VERSION
appVersion: "6.5.0"
home: https://example.invalid/podinfo-lite
keywords:
  - sample
  - demo
maintainers:
  - name: chartproof sample signer
    email: sample@chartproof.invalid
YAML
cat > "$C/values.yaml" <<'YAML'
# Default values for podinfo-lite.
replicaCount: 1
image:
  repository: ghcr.io/stefanprodan/podinfo
  tag: "6.5.0"
  pullPolicy: IfNotPresent
service:
  type: ClusterIP
  port: 9898
resources:
  limits:
    memory: 64Mi
YAML
cat > "$C/README.md" <<'MD'
# podinfo-lite

A **sample chart** for chartproof. It was packaged and signed like
`helm package --sign` does; drop its `.tgz`, `.prov` and `public-key.asc` to verify it.

| value | default |
|---|---|
| `replicaCount` | `1` |
| `service.port` | `9898` |
MD
cat > "$C/templates/deployment.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-podinfo-lite
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: { app: {{ .Release.Name }}-podinfo-lite }
  template:
    metadata:
      labels: { app: {{ .Release.Name }}-podinfo-lite }
    spec:
      containers:
        - name: podinfo
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports: [{ containerPort: {{ .Values.service.port }} }]
YAML
cat > "$C/templates/service.yaml" <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-podinfo-lite
spec:
  type: {{ .Values.service.type }}
  ports: [{ port: {{ .Values.service.port }} }]
  selector: { app: {{ .Release.Name }}-podinfo-lite }
YAML

ARCHIVE="$NAME-$VERSION.tgz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00:00Z' \
  -C "$WORK/src" -cf - "$NAME" | gzip -n -9 > "$OUT/$ARCHIVE"
SUM=$(sha256sum "$OUT/$ARCHIVE" | cut -d' ' -f1)

UID_="chartproof sample signer <sample@chartproof.invalid>"
g --faked-system-time '20260101T000000!' --quick-gen-key "$UID_" rsa3072 sign 0
{
  # Helm marshals the metadata with sorted keys, then "\n...\n", then the files map.
  printf 'apiVersion: v2\nappVersion: 6.5.0\ndescription: A tiny web application chart, signed as a chartproof sample\n'
  printf 'home: https://example.invalid/podinfo-lite\nkeywords:\n- sample\n- demo\nmaintainers:\n'
  printf -- '- email: sample@chartproof.invalid\n  name: chartproof sample signer\nname: %s\ntype: application\nversion: %s\n' "$NAME" "$VERSION"
  printf '\n...\nfiles:\n  %s: sha256:%s\n' "$ARCHIVE" "$SUM"
} > "$WORK/body"
g --faked-system-time '20260102T000000!' --digest-algo SHA512 --clearsign -o "$OUT/$ARCHIVE.prov" "$WORK/body"
g --armor --export "$UID_" > "$OUT/public-key.asc"
g --with-colons --list-keys "$UID_" | awk -F: '/^fpr:/{print $10; exit}' > "$OUT/FINGERPRINT"
echo "sample written to $OUT (signer $(cat "$OUT/FINGERPRINT"))"
