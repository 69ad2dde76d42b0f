// The login page: says so when Liberty sent the browser back after a failed sign-in.
if (new URLSearchParams(location.search).has('failed')) {
  document.getElementById('failed').hidden = false;
}
