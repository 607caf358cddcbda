package fakediscord

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Command is a registered application command, as the bot sent it plus the IDs Discord adds.
type Command struct {
	ID                       string            `json:"id"`
	GuildID                  string            `json:"guild_id"`
	Type                     int               `json:"type"`
	Name                     string            `json:"name"`
	Description              string            `json:"description"`
	DefaultMemberPermissions *string           `json:"default_member_permissions"`
	DMPermission             *bool             `json:"dm_permission"`
	Contexts                 []int             `json:"contexts"`
	IntegrationTypes         []int             `json:"integration_types"`
	DescriptionLocalizations map[string]string `json:"description_localizations"`
	Options                  []CommandOption   `json:"options"`
	Raw                      json.RawMessage   `json:"-"`
}

// CommandOption is a command's option, subcommand or subcommand group.
type CommandOption struct {
	Type         int             `json:"type"`
	Name         string          `json:"name"`
	Description  string          `json:"description"`
	Required     bool            `json:"required"`
	Autocomplete bool            `json:"autocomplete"`
	Choices      []Choice        `json:"choices"`
	Options      []CommandOption `json:"options"`
	ChannelTypes []int           `json:"channel_types"`
	MinValue     *float64        `json:"min_value"`
	MaxValue     *float64        `json:"max_value"`
	MinLength    *int            `json:"min_length"`
	MaxLength    *int            `json:"max_length"`
	// DescriptionLocalizations maps a Discord locale ("fr") to the description in it.
	DescriptionLocalizations map[string]string `json:"description_localizations"`
}

// Option returns the command's option with the name.
func (c Command) Option(name string) (CommandOption, bool) {
	for _, o := range c.Options {
		if o.Name == name {
			return o, true
		}
	}
	return CommandOption{}, false
}

type commandState struct {
	fields map[string]json.RawMessage
	cmd    Command
}

// Command types.
const (
	CommandChatInput = 1
	CommandUser      = 2
	CommandMessage   = 3
)

// maxCommands is Discord's cap on chat-input commands per scope.
const maxCommands = 100

var commandNameRE = regexp.MustCompile(`^[-_\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// Commands lists the commands registered for a guild, or the global ones for "".
func (s *Server) Commands(guildID string) []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Command, 0, len(s.commands[guildID]))
	for _, c := range s.commands[guildID] {
		out = append(out, c.cmd)
	}
	return out
}

// commandIDLocked finds the ID a command name was registered under, guild first, as Discord
// resolves it; an unregistered name gets a fresh ID.
func (s *Server) commandIDLocked(guildID, name string) string {
	for _, scope := range []string{guildID, ""} {
		for _, c := range s.commands[scope] {
			if c.cmd.Name == name && c.cmd.Type == CommandChatInput {
				return c.cmd.ID
			}
		}
	}
	return s.newID()
}

func validName(name string, chatInput bool) bool {
	if !chatInput {
		n := utf8.RuneCountInString(name)
		return n >= 1 && n <= 32
	}
	return commandNameRE.MatchString(name) && strings.ToLower(name) == name
}

func badLength(path string, lo, hi int) *apiError {
	return formError(path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", lo, hi))
}

// validateCommand checks a command as Discord does when it is registered. prefix is the
// field path of the command in the request, such as "0." in a bulk overwrite.
func validateCommand(c Command, prefix string) *apiError {
	switch c.Type {
	case CommandChatInput:
		if !validName(c.Name, true) {
			return formError(prefix+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > 100 {
			return badLength(prefix+"description", 1, 100)
		}
		if e := validateLocalizations(c.DescriptionLocalizations, prefix+"description_localizations"); e != nil {
			return e
		}
	case CommandUser, CommandMessage:
		if !validName(c.Name, false) {
			return badLength(prefix+"name", 1, 32)
		}
		if c.Description != "" {
			return formError(prefix+"description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description")
		}
		if len(c.Options) > 0 {
			return formError(prefix+"options", "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS", "Context menu commands cannot have options")
		}
	default:
		return formError(prefix+"type", "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of {1, 2, 3}, not %d.", c.Type))
	}
	if c.DefaultMemberPermissions != nil {
		for _, r := range *c.DefaultMemberPermissions {
			if r < '0' || r > '9' {
				return formError(prefix+"default_member_permissions", "NUMBER_TYPE_COERCE", "Value is not a valid permission bit set.")
			}
		}
	}
	return validateOptions(c.Options, prefix+"options", 0)
}

// discordLocales are the locales Discord accepts in localization maps.
var discordLocales = map[string]bool{
	"id": true, "da": true, "de": true, "en-GB": true, "en-US": true, "es-ES": true, "es-419": true, "fr": true,
	"hr": true, "it": true, "lt": true, "hu": true, "nl": true, "no": true, "pl": true, "pt-BR": true, "ro": true,
	"fi": true, "sv-SE": true, "vi": true, "tr": true, "cs": true, "el": true, "bg": true, "ru": true, "uk": true,
	"hi": true, "th": true, "zh-CN": true, "ja": true, "zh-TW": true, "ko": true,
}

// validateLocalizations checks a description's translations as Discord does: known locales,
// each 1 to 100 characters.
func validateLocalizations(m map[string]string, path string) *apiError {
	for locale, text := range m {
		if !discordLocales[locale] {
			return formError(path+"."+locale, "LOCALE_INVALID", "Invalid locale "+locale)
		}
		if n := utf8.RuneCountInString(text); n < 1 || n > 100 {
			return badLength(path+"."+locale, 1, 100)
		}
	}
	return nil
}

func validateOptions(opts []CommandOption, path string, depth int) *apiError {
	if len(opts) > 25 {
		return formError(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	seen := map[string]bool{}
	sawOptional := false
	for i, o := range opts {
		p := fmt.Sprintf("%s.%d.", path, i)
		if o.Type < OptionSubcommand || o.Type > 11 {
			return formError(p+"type", "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of 1-11, not %d.", o.Type))
		}
		if !validName(o.Name, true) {
			return formError(p+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if seen[o.Name] {
			return formError(p+"name", "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option name "+o.Name+" is already used in these options")
		}
		seen[o.Name] = true
		if n := utf8.RuneCountInString(o.Description); n < 1 || n > 100 {
			return badLength(p+"description", 1, 100)
		}
		if e := validateLocalizations(o.DescriptionLocalizations, p+"description_localizations"); e != nil {
			return e
		}
		nested := o.Type == OptionSubcommand || o.Type == OptionSubcommandGroup
		switch {
		case nested && depth >= 2, o.Type == OptionSubcommandGroup && depth >= 1:
			return formError(p+"type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommands cannot be nested this deep")
		case nested && o.Required:
			return formError(p+"required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Subcommands cannot be required")
		}
		if o.Type == OptionSubcommandGroup {
			for j, sub := range o.Options {
				if sub.Type != OptionSubcommand {
					return formError(fmt.Sprintf("%soptions.%d.type", p, j), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "A subcommand group may hold only subcommands")
				}
			}
		}
		if !nested {
			if o.Required && sawOptional {
				return formError(p+"required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
			}
			if !o.Required {
				sawOptional = true
			}
			if len(o.Options) > 0 {
				return formError(p+"options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Only subcommands and groups take options")
			}
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			return formError(p+"autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be enabled on options with choices")
		}
		if len(o.Choices) > 25 {
			return formError(p+"choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for j, ch := range o.Choices {
			if n := utf8.RuneCountInString(ch.Name); n < 1 || n > 100 {
				return badLength(fmt.Sprintf("%schoices.%d.name", p, j), 1, 100)
			}
		}
		if nested {
			if e := validateOptions(o.Options, p+"options", depth+1); e != nil {
				return e
			}
		}
	}
	return nil
}

// parseCommand decodes one command payload and fills Discord's defaults.
func parseCommand(raw json.RawMessage, prefix string) (map[string]json.RawMessage, Command, *apiError) {
	fields, err := decodeFields(raw)
	if err != nil {
		return nil, Command{}, formError(strings.TrimSuffix(prefix, ".")+"._body", "INVALID_FORM_BODY", "Invalid command: "+err.Error())
	}
	var c Command
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, Command{}, formError(strings.TrimSuffix(prefix, ".")+"._body", "INVALID_FORM_BODY", "Invalid command: "+err.Error())
	}
	if c.Type == 0 {
		c.Type = CommandChatInput
		fields["type"] = mustJSON(CommandChatInput)
	}
	if e := validateCommand(c, prefix); e != nil {
		return nil, Command{}, e
	}
	return fields, c, nil
}

func (s *Server) commandScopeLocked(r *http.Request) (string, *apiError) {
	if r.PathValue("app") != s.opts.ApplicationID {
		return "", errUnknownApplication
	}
	scope := r.PathValue("guild")
	if scope != "" && s.guildByID[scope] == nil {
		return "", &apiError{Status: 403, Code: 50001, Message: "Missing Access"}
	}
	return scope, nil
}

// registerLocked stores a command in a scope, keeping the ID of an existing command with the
// same name and type, as Discord does.
func (s *Server) registerLocked(scope string, fields map[string]json.RawMessage, c Command, existing []*commandState) *commandState {
	c.ID = ""
	for _, old := range existing {
		if old.cmd.Name == c.Name && old.cmd.Type == c.Type {
			c.ID = old.cmd.ID
		}
	}
	if c.ID == "" {
		c.ID = s.newID()
	}
	c.GuildID = scope
	fields["id"] = mustJSON(c.ID)
	fields["application_id"] = mustJSON(s.opts.ApplicationID)
	fields["version"] = mustJSON(s.newID())
	if scope != "" {
		fields["guild_id"] = mustJSON(scope)
	}
	if _, ok := fields["default_member_permissions"]; !ok {
		fields["default_member_permissions"] = json.RawMessage("null")
	}
	c.Raw = mustJSON(fields)
	return &commandState{fields: fields, cmd: c}
}

func (s *Server) handleOverwriteCommands(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, e := s.commandScopeLocked(r)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(readBody(r), &raws); err != nil {
		writeAPIError(w, &apiError{Status: 400, Code: 50109, Message: "The request body contains invalid JSON."})
		return
	}
	chatInput := 0
	seen := map[string]bool{}
	var next []*commandState
	for i, raw := range raws {
		fields, c, e := parseCommand(raw, fmt.Sprintf("%d.", i))
		if e != nil {
			writeAPIError(w, e)
			return
		}
		key := fmt.Sprintf("%d/%s", c.Type, c.Name)
		if seen[key] {
			writeAPIError(w, formError(fmt.Sprintf("%d.name", i), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique"))
			return
		}
		seen[key] = true
		if c.Type == CommandChatInput {
			chatInput++
		}
		next = append(next, s.registerLocked(scope, fields, c, s.commands[scope]))
	}
	if chatInput > maxCommands {
		writeAPIError(w, formError("_body", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxCommands)))
		return
	}
	s.commands[scope] = next
	s.notifyLocked()
	writeJSON(w, 200, commandsJSON(next))
}

func commandsJSON(cs []*commandState) []map[string]json.RawMessage {
	out := make([]map[string]json.RawMessage, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.fields)
	}
	return out
}

func (s *Server) handleCreateCommand(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, e := s.commandScopeLocked(r)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	fields, c, e := parseCommand(readBody(r), "")
	if e != nil {
		writeAPIError(w, e)
		return
	}
	st := s.registerLocked(scope, fields, c, s.commands[scope])
	status := 201
	list := s.commands[scope]
	replaced := false
	for i, old := range list {
		if old.cmd.ID == st.cmd.ID {
			list[i] = st
			replaced = true
			status = 200
		}
	}
	if !replaced {
		list = append(list, st)
	}
	s.commands[scope] = list
	s.notifyLocked()
	writeJSON(w, status, st.fields)
}

func (s *Server) handleListCommands(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, e := s.commandScopeLocked(r)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	writeJSON(w, 200, commandsJSON(s.commands[scope]))
}

func (s *Server) handleGetCommand(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, e := s.commandScopeLocked(r)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	for _, c := range s.commands[scope] {
		if c.cmd.ID == r.PathValue("cmd") {
			writeJSON(w, 200, c.fields)
			return
		}
	}
	writeAPIError(w, errUnknownCommand)
}

func (s *Server) handleDeleteCommand(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	scope, e := s.commandScopeLocked(r)
	if e != nil {
		writeAPIError(w, e)
		return
	}
	list := s.commands[scope]
	for i, c := range list {
		if c.cmd.ID == r.PathValue("cmd") {
			s.commands[scope] = append(list[:i:i], list[i+1:]...)
			s.notifyLocked()
			noContent(w)
			return
		}
	}
	writeAPIError(w, errUnknownCommand)
}
