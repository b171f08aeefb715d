// Set up event handlers
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

// The field the user was typing in when the connection dropped (see resendFieldLeftDuringTheDrop).
let fieldBeforeTheDrop = null;

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        fieldBeforeTheDrop = document.activeElement;
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        reconnectModal.close();
        resendFieldLeftDuringTheDrop();
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
    if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) && field.isConnected) {
        field.dispatchEvent(new Event("change", { bubbles: true }));
        field.focus();
    }
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
