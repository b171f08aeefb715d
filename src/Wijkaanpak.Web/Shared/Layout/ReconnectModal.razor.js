// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// The field the user was typing in when the connection dropped (see resendFieldLeftDuringTheDrop).
let fieldBeforeTheDrop = null;

// Whether Blazor opened a new circuit since the connection dropped: the server had evicted the old one,
// and Blazor resumed the page from the state that circuit left (Wijkaanpak.Web.lib.module.js, ADR 0013).
let circuitReplaced = false;
document.addEventListener("wijkaanpak:circuit-opened", () => { circuitReplaced = true; });

// That field's text, kept for the page the resumed circuit renders (see refillFieldLeftDuringTheDrop).
let fieldForTheResumedPage = null;

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        fieldBeforeTheDrop = document.activeElement;
        circuitReplaced = false;
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        reconnectModal.close();
        if (circuitReplaced) {
            keepFieldForTheResumedPage();
        } else {
            resendFieldLeftDuringTheDrop();
        }
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
}

// The dialog takes the focus, so the field being typed in fires its change event while the
// connection is down, and that event never reaches the server: the text stays on screen but a save
// would store the old value. Once the same circuit is back, the field sends its value again and gets
// the focus back, so the user goes on where they were.
function resendFieldLeftDuringTheDrop() {
    const field = fieldBeforeTheDrop;
    fieldBeforeTheDrop = null;
    if (isFormField(field) && field.isConnected) {
        field.dispatchEvent(new Event("change", { bubbles: true }));
        field.focus();
    }
}

// A resumed page is rendered anew by its new circuit, from the input that the old circuit had: the text
// of the field being typed in never reached it. The old field still stands until the new render replaces
// it, and its change event would go to the new circuit, which does not know it; so its text waits here.
function keepFieldForTheResumedPage() {
    const field = fieldBeforeTheDrop;
    fieldBeforeTheDrop = null;
    fieldForTheResumedPage = isFormField(field) && field.id
        ? { id: field.id, value: field.value, page: location.href }
        : null;
}

// Called by a form's notice about restored input (Shared/UnsavedInput/RestoredInputNotice.razor) once the
// resumed page has rendered: puts the typed text back into the field of the same id and lets the form
// hear it, as if the user had just left the field. True when it put text back.
function refillFieldLeftDuringTheDrop() {
    const kept = fieldForTheResumedPage;
    const field = kept && kept.page === location.href ? document.getElementById(kept.id) : null;
    if (!isFormField(field)) {
        return false;
    }

    fieldForTheResumedPage = null;
    if (field.value === kept.value) {
        return false;
    }

    field.value = kept.value;
    // Once this call has answered, so that the notice knows before the form hears the change.
    setTimeout(() => {
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
        field.focus();
    });
    return true;
}

window.Wijkaanpak = { ...window.Wijkaanpak, refillFieldLeftDuringTheDrop };

function isFormField(element) {
    return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // Reconnect will asynchronously return:
        // - true to mean success
        // - false to mean we reached the server, but it rejected the connection (e.g., unknown circuit ID)
        // - exception to mean we didn't reach the server (this can be sync or async)
        const successful = await Blazor.reconnect();
        if (!successful) {
            // We have been able to reach the server, but the circuit is no longer available.
            // We'll reload the page so the user can continue using the app as quickly as possible.
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        // We got an exception, server is currently unavailable
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
