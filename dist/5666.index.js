export const id = 5666;
export const ids = [5666];
export const modules = {

/***/ 65666:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ closestMatch)
/* harmony export */ });
/* unused harmony export editDistance */
/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/**
 * The candidate a mistyped word most likely meant: one equal after `normalize`, else the nearest
 * by edit distance when it is close enough to be the likely intent; null when nothing is.
 */
function closestMatch(word, candidates, normalize = (s) => s.toLowerCase()) {
    const target = normalize(word);
    const exact = candidates.find((candidate) => normalize(candidate) === target);
    if (exact)
        return exact;
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(target, normalize(candidate));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}


/***/ })

};
