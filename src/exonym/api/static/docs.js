// The API reference: Swagger UI (from the fastapi-offline package, served by this server) over
// this server's own /openapi.json. Relative addresses keep it working behind a path prefix.

window.ui = SwaggerUIBundle({
  url: new URL("openapi.json", document.baseURI).href,
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  tryItOutEnabled: true,  // the forms are open at once: the reader came to try
  displayRequestDuration: true,
  defaultModelsExpandDepth: 0,
  validatorUrl: null,  // Swagger UI would otherwise send the schema to a validator on the internet
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  // /export answers as an attachment, for which Swagger UI shows only a link: drop that header
  // here so that the CSV or TBX is shown as text (with its own download button).
  responseInterceptor: (response) => {
    if (response.headers) {
      for (const key of Object.keys(response.headers)) {
        if (key.toLowerCase() === "content-disposition") delete response.headers[key];
      }
    }
    return response;
  },
});
