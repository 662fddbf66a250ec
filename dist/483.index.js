export const id = 483;
export const ids = [483];
export const modules = {

/***/ 48483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AppTokenError: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.PD),
/* harmony export */   EnsembleOctokit: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_3__.zE),
/* harmony export */   GitHubApiError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_1__.OS),
/* harmony export */   PUBLISH_APP_PERMISSIONS: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.zw),
/* harmony export */   PUBLISH_APP_PERMISSIONS_TEXT: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.xv),
/* harmony export */   TRIGGER_ROLES: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_4__.Tp),
/* harmony export */   appJwt: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.xk),
/* harmony export */   checkTriggerPermission: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_4__.qB),
/* harmony export */   clientSettings: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_3__.ry),
/* harmony export */   createOctokit: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_3__.Qi),
/* harmony export */   explainGitHubError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_1__.Pm),
/* harmony export */   findMarkedComment: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_2__.Jp),
/* harmony export */   getRepositoryRole: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_4__.Bd),
/* harmony export */   githubCall: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_1__.Mc),
/* harmony export */   isAmbiguousFailure: () => (/* reexport safe */ _write_once_js__WEBPACK_IMPORTED_MODULE_5__.J),
/* harmony export */   isBot: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_4__.w2),
/* harmony export */   isListedBot: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_4__.Jk),
/* harmony export */   mintInstallationToken: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.iZ),
/* harmony export */   parseAppPrivateKey: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.fT),
/* harmony export */   roleCanWrite: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_4__.qO),
/* harmony export */   snapshotIssue: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_2__.eg),
/* harmony export */   statusOf: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_1__.c2),
/* harmony export */   upsertMarkedComment: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_2__.Zd),
/* harmony export */   writeOnce: () => (/* reexport safe */ _write_once_js__WEBPACK_IMPORTED_MODULE_5__.F)
/* harmony export */ });
/* harmony import */ var _app_token_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91956);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(375);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15687);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48859);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32192);








/***/ })

};
