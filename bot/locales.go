package bot

import (
	"maps"

	"github.com/bwmarrin/discordgo"
)

// Discord shows each person a command's description in their client's
// language when the command carries one for it; the English in the command
// table is the default. The translations live here, keyed by command name
// ("ask"), by command and option ("ask.question"), or by an option every
// command shares ("private"). To add a language, add its Discord locale to
// translatedLocales and a translation to every entry: TestCommandsAreTranslated
// checks that none is missing and that each fits Discord's 100 characters.
// Command and option names stay English, so /help and the README hold in
// every language.

// translatedLocales are the locales every description is translated into.
var translatedLocales = []discordgo.Locale{discordgo.French}

var descriptions = map[string]map[discordgo.Locale]string{
	"ask":             {discordgo.French: "Posez une question sur la couverture de l’actualité ; la réponse cite ses sources."},
	"ask.question":    {discordgo.French: "Ce que vous voulez savoir"},
	"summary":         {discordgo.French: "Résumer un sujet, un article ou toute la couverture, avec les sources citées."},
	"summary.topic":   {discordgo.French: "Un sujet à résumer"},
	"summary.article": {discordgo.French: "Un article à résumer"},
	"quotes":          {discordgo.French: "Ce qu’une personne a dit dans la couverture, mot pour mot, chaque citation sourcée."},
	"quotes.person":   {discordgo.French: "Qui l’a dit (choisissez dans la liste ou tapez un nom)"},
	"quotes.topic":    {discordgo.French: "Seulement les citations sur ce sujet"},
	"timeline":        {discordgo.French: "Les événements d’une affaire dans l’ordre chronologique, chacun sourcé."},
	"timeline.topic":  {discordgo.French: "L’affaire, par exemple « Trump Zelensky »"},
	"compare":         {discordgo.French: "Comment les médias ont couvert une affaire : qui en premier, ce que seuls certains rapportent."},
	"compare.topic":   {discordgo.French: "L’affaire à comparer"},
	"digest":          {discordgo.French: "Un résumé sourcé de ce qui est nouveau dans la couverture."},
	"digest.since":    {discordgo.French: "Depuis quand : 1d (par défaut), 7d, 12h, 2w, ou une date comme 2025-04-20"},
	"sources":         {discordgo.French: "Les articles de la couverture, du plus récent au plus ancien."},
	"sources.query":   {discordgo.French: "Seulement les articles dont le titre ou le média contient ce texte"},
	"help":            {discordgo.French: "Comment utiliser le bot."},
	"ingest":          {discordgo.French: "Ajouter un article à la couverture à partir de son adresse (admins)."},
	"ingest.url":      {discordgo.French: "L’adresse de l’article (http ou https)"},
	"feeds":           {discordgo.French: "Les flux d’actualité que suit le bot et l’état de chacun (admins)."},
	"reindex":         {discordgo.French: "Relire la couverture et reconstruire l’index (admins)."},
	"private":         {discordgo.French: "Vous seul voyez la réponse"},
}

// localize attaches the translations of a command's description and of
// its options' descriptions.
func localize(def *discordgo.ApplicationCommand) {
	if t, ok := descriptions[def.Name]; ok {
		m := maps.Clone(t)
		def.DescriptionLocalizations = &m
	}
	for _, o := range def.Options {
		t, ok := descriptions[def.Name+"."+o.Name]
		if !ok {
			t, ok = descriptions[o.Name]
		}
		if ok {
			o.DescriptionLocalizations = maps.Clone(t)
		}
	}
}
