// Package config holds coveragebot's settings: one Config struct, filled from
// defaults, then an optional YAML file, then the environment, then a few
// command-line flags, and validated in one place.
//
// Every setting has an environment variable (OPENAI_API_KEY, DISCORD_TOKEN,
// COVERAGEBOT_TOP_K, …) and a YAML key, the variable's name in lower case
// without the COVERAGEBOT_ prefix (top_k, feeds, openai_api_key). An empty
// variable counts as unset. Settings lists them all; the README's table and
// .env.example are generated from it, so the documentation cannot drift from
// what Load reads.
//
// Every problem is reported as a *SettingError that names the variable and
// says how to fix it. Secrets (API keys, the Discord token) are held in the
// Secret type, which prints as "[redacted]" in every format, log and error;
// they are never accepted as flags.
//
// The package uses the standard library only, with one exception: the
// optional settings file is YAML, read with gopkg.in/yaml.v3.
package config
