package fakediscord_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/coveragebot/coveragebot/internal/fakediscord"
)

// A discordgo session pointed at the fake answers a slash command; the test then reads the
// reply back from the fake.
func Example() {
	fake := fakediscord.New(fakediscord.Options{})
	defer fake.Close()
	fake.AddGuild(fakediscord.Guild{ID: "300", Name: "Newsroom", Channels: []fakediscord.Channel{{ID: "400", Name: "general"}}})

	s, _ := discordgo.New("Bot token")
	s.Client = &http.Client{Transport: fakediscord.RewriteTransport(fake.URL(), nil)}
	s.ShouldReconnectOnError = false
	s.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		_ = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content:         "Pong, " + i.Member.User.Username,
				AllowedMentions: &discordgo.MessageAllowedMentions{},
			},
		})
	})
	if err := s.Open(); err != nil {
		fmt.Println("open:", err)
		return
	}
	defer s.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, token := fake.SendInteraction(fakediscord.Interaction{GuildID: "300", ChannelID: "400", Username: "reader", Name: "ping"})
	if _, err := fake.WaitCall(ctx, func(c fakediscord.Call) bool { return c.Method == "POST" && c.Status == 204 }); err != nil {
		fmt.Println("wait:", err)
		return
	}
	cb, _ := fake.InteractionResponses(token)[0].Callback()
	reply := fake.BotMessagesIn("400")[0]
	fmt.Println(cb.Type, reply.Content, reply.MentionsSuppressed())
	// Output: 4 Pong, reader true
}
