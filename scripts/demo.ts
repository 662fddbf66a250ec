// The demo runs the whole pipeline on examples/demo-repo with the scripted model once the local
// pipeline (ensemble run) lands. Until then it says so and fails rather than pretend.
console.error('npm run demo: the demo arrives with the local pipeline (ensemble run); nothing was run.');
process.exit(1);
