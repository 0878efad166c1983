"""An API reference page that works offline: it reads /openapi.json and needs no CDN."""

DOCS_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>exonym API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem} .op{border:1px solid #ccd;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
.m{font-weight:700;display:inline-block;min-width:4rem} code,pre{background:#f4f4f8;padding:.1rem .3rem;border-radius:3px}
pre{padding:.6rem;overflow:auto;max-height:24rem} label{display:block;margin:.3rem 0} input,textarea{width:100%;font:inherit}
button{margin-top:.4rem}
</style></head><body>
<h1>exonym API</h1><p id="desc"></p><p>Machine-readable schema: <a href="/openapi.json">/openapi.json</a></p>
<div id="ops"></div>
<script>
const esc = s => String(s).replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;","\\"":"&quot;"}[c]));
fetch("/openapi.json").then(r => r.json()).then(spec => {
  document.getElementById("desc").textContent = (spec.info.description || "") + " Version " + spec.info.version + ".";
  const ops = document.getElementById("ops");
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const div = document.createElement("div"); div.className = "op";
      const params = op.parameters || [];
      let html = `<div><span class="m">${method.toUpperCase()}</span><code>${esc(path)}</code> ${esc(op.summary || "")}</div>`;
      if (op.description) html += `<p>${esc(op.description)}</p>`;
      for (const p of params) html += `<label>${esc(p.name)} (${p.in}${p.required ? ", required" : ""}) ${esc(p.description || "")}<input data-name="${esc(p.name)}" data-in="${p.in}"></label>`;
      if (op.requestBody) html += `<label>JSON body<textarea rows="4" data-body>{"text": "Talks in Bakı and Ереван"}</textarea></label>`;
      html += `<button>Try it</button><pre hidden></pre>`;
      div.innerHTML = html; ops.appendChild(div);
      div.querySelector("button").onclick = async () => {
        let url = path; const q = new URLSearchParams();
        for (const i of div.querySelectorAll("input")) {
          if (!i.value) continue;
          if (i.dataset.in === "path") url = url.replace("{" + i.dataset.name + "}", encodeURIComponent(i.value));
          else q.append(i.dataset.name, i.value);
        }
        const body = div.querySelector("textarea");
        const res = await fetch(url + (q.toString() ? "?" + q : ""), body ? {method, headers: {"content-type": "application/json"}, body: body.value} : {method});
        const pre = div.querySelector("pre"); pre.hidden = false;
        pre.textContent = res.status + "\\n" + JSON.stringify(await res.json(), null, 2);
      };
    }
  }
});
</script></body></html>
"""
