// Calls to the sitrep API; failures are shown to the user in the alert banner, not thrown away.

const alertBox = () => document.getElementById("alert");

export function showError(message) {
  const box = alertBox();
  box.textContent = message;
  box.hidden = false;
}

export function clearError() {
  const box = alertBox();
  box.textContent = "";
  box.hidden = true;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, v);
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

export async function getJSON(path, params) {
  let resp;
  try {
    resp = await fetch("api/" + path + query(params), { headers: { Accept: "application/json" } });
  } catch (err) {
    showError("The sitrep server cannot be reached: is `sitrep serve` still running?");
    return null;
  }
  let body = null;
  try {
    body = await resp.json();
  } catch (err) {
    body = null;
  }
  if (!resp.ok) {
    const msg = body && body.error ? body.error.message : "HTTP " + resp.status;
    showError(msg);
    return null;
  }
  return body;
}
