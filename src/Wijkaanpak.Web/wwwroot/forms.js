// A paste longer than a field allows is cut by the browser at the field's maxlength without a word.
// This says so, in Dutch, where the user is looking: a notice that names the field and how many
// characters it keeps. It lives outside the Blazor-rendered page, so no re-render removes it.
(() => {
    "use strict";

    const noticeId = "paste-cut-notice";

    function labelOf(field) {
        const label = field.id ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
        return (label?.textContent || field.getAttribute("aria-label") || "dit veld").trim();
    }

    function show(text) {
        let notice = document.getElementById(noticeId);
        if (!notice) {
            notice = document.createElement("div");
            notice.id = noticeId;
            notice.className = "paste-cut-notice";
            notice.setAttribute("role", "alert");
            document.body.appendChild(notice);
        }
        notice.textContent = text;
        notice.hidden = false;
        clearTimeout(notice.hideTimer);
        notice.hideTimer = setTimeout(() => { notice.hidden = true; }, 12000);
    }

    document.addEventListener("paste", event => {
        const field = event.target;
        if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.maxLength <= 0) {
            return;
        }
        const pasted = event.clipboardData?.getData("text") ?? "";
        const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
        const wouldBe = field.value.length - selected + pasted.length;
        if (wouldBe > field.maxLength) {
            const limit = field.maxLength.toLocaleString("nl-NL");
            show(`De geplakte tekst was te lang voor "${labelOf(field)}": dat veld houdt ${limit} tekens. `
                + `Alleen het begin staat erin; ${(wouldBe - field.maxLength).toLocaleString("nl-NL")} tekens zijn niet overgenomen.`);
        }
    }, true);
})();
