// Blazor's JavaScript initializer for this app: blazor.web.js loads it because of its name.
//
// Blazor opens a circuit when a page starts, and again when it resumes a page whose circuit the
// server had evicted (ADR 0013). The reconnect dialog (Shared/Layout/ReconnectModal.razor.js) must
// tell the second from a reconnect to the same circuit: only then is the page rendered anew.
export function beforeServerStart(options) {
    options.circuitHandlers ??= [];
    options.circuitHandlers.push({
        onCircuitOpened: () => document.dispatchEvent(new CustomEvent("wijkaanpak:circuit-opened")),
    });
}
