// Parses, validates and renders Adaptive Cards with Microsoft's own renderer (npm adaptivecards)
// under the Teams host config, in a jsdom document. Used by AdaptiveCardRenderTest.
//
// usage: node render-cards.js MODULES_DIR CARDS_JSON HOST_CONFIG_JSON OUT_JSON
//   CARDS_JSON is [{"name": ..., "card": {...}}, ...]; OUT_JSON gets, per card, its parse and
//   validation events and the rendered HTML.
const path = require("path");
const fs = require("fs");
const [modules, cardsFile, hostConfigFile, outFile] = process.argv.slice(2);
const { JSDOM } = require(path.join(modules, "jsdom"));

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", {
  url: "https://teams.invalid/",
});
// The renderer reads the browser's globals (window, document, HTMLButtonElement, ...).
global.window = dom.window;
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (!(name in global)) {
    try {
      global[name] = dom.window[name];
    } catch (notInThisDocument) {
      // e.g. localStorage: nothing a card needs
    }
  }
}
// jsdom has no innerText, which the renderer uses for button titles; textContent is the same here.
Object.defineProperty(dom.window.HTMLElement.prototype, "innerText", {
  get() {
    return this.textContent;
  },
  set(value) {
    this.textContent = value;
  },
});
// The UMD bundle: the package's lib/ folder is ES modules without file extensions.
const AC = require(path.join(modules, "adaptivecards", "dist", "adaptivecards.js"));

// Teams renders a Markdown subset in TextBlocks; markdown-it stands in for it so the PNGs read
// like Teams (without it the renderer shows the raw asterisks).
const markdown = require(path.join(modules, "markdown-it"))();
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

const hostConfig = new AC.HostConfig(JSON.parse(fs.readFileSync(hostConfigFile, "utf8")));
const results = [];
for (const { name, card: json } of JSON.parse(fs.readFileSync(cardsFile, "utf8"))) {
  const problems = [];
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push({ phase: "parse", event: AC.ValidationEvent[e.event], message: e.message });
  }
  const validation = card.validateProperties();
  for (const e of validation.validationEvents) {
    problems.push({ phase: "validate", event: AC.ValidationEvent[e.event], message: e.message });
  }
  let html = "";
  try {
    const element = card.render();
    html = element ? element.outerHTML : "";
    if (!element) {
      problems.push({ phase: "render", event: "Other", message: "the renderer returned nothing" });
    }
  } catch (error) {
    problems.push({ phase: "render", event: "Other", message: String(error) });
  }
  results.push({ name, problems, html });
}
fs.writeFileSync(outFile, JSON.stringify(results));
