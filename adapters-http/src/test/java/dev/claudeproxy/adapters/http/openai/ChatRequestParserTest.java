package dev.claudeproxy.adapters.http.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import dev.claudeproxy.domain.message.InvalidRequestException;
import dev.claudeproxy.domain.message.Message;
import dev.claudeproxy.domain.message.Role;
import dev.claudeproxy.domain.message.ToolChoice;
import dev.claudeproxy.domain.message.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chat Completions requests translated into the create-message command, and rejected with the field's path. */
class ChatRequestParserTest {

    static ChatRequest parse(String json) {
        return ChatRequestParser.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "req_1");
    }

    static String withMessages(String messages) {
        return "{'model':'gpt-4o','messages':" + messages + "}";
    }

    @Test
    void givenSystemDeveloperAndUserText_theSystemPromptJoinsThem_andTheModelIsKeptAsAsked() {
        ChatRequest request = parse(withMessages("[{'role':'system','content':'Be brief.'},"
                + "{'role':'developer','content':[{'type':'text','text':'Use French.'},{'type':'text','text':'No emoji.'}]},"
                + "{'role':'user','content':'Hi'}]"));

        CreateMessageCommand command = request.command();
        assertThat(command.requestId()).isEqualTo("req_1");
        assertThat(command.model()).isEqualTo("gpt-4o");
        assertThat(command.system()).isEqualTo("Be brief.\n\nUse French.\nNo emoji.");
        assertThat(command.messages()).containsExactly(Message.user("Hi"));
        assertThat(command.tools()).isEmpty();
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
    }

    @Test
    void givenUserParts_textAndImagesBecomeBlocks_aDataUrlInline_andAnHttpUrlByReference() {
        ChatRequest request = parse(withMessages("[{'role':'user','content':[{'type':'text','text':'What is this?'},"
                + "{'type':'image_url','image_url':{'url':'data:image/png;base64,iVBORw0K','detail':'low'}},"
                + "{'type':'image_url','image_url':{'url':'https://example.com/cat.jpg'}}]}]"));

        assertThat(request.command().messages().getFirst().content()).containsExactly(
                new ContentBlock.Text("What is this?"),
                new ContentBlock.Image(new ImageSource.Base64("image/png", "iVBORw0K")),
                new ContentBlock.Image(new ImageSource.Url("https://example.com/cat.jpg")));
    }

    @Test
    void givenAssistantToolCallsAndToolResults_theyBecomeToolUseBlocks_andOneUserMessageOfResults() {
        ChatRequest request = parse(withMessages("[{'role':'user','content':'Weather in Paris and Rome?'},"
                + "{'role':'assistant','content':'Checking.','tool_calls':["
                + "{'id':'call_1','type':'function','function':{'name':'get_weather','arguments':'{\\'city\\':\\'Paris\\'}'}},"
                + "{'id':'call_2','type':'function','function':{'name':'get_weather','arguments':''}}]},"
                + "{'role':'tool','tool_call_id':'call_1','content':'18C'},"
                + "{'role':'tool','tool_call_id':'call_2','content':[{'type':'text','text':'21C'}]},"
                + "{'role':'user','content':'Thanks'}]"));

        List<Message> messages = request.command().messages();
        assertThat(messages).hasSize(4);
        assertThat(messages.get(1)).isEqualTo(new Message(Role.ASSISTANT, List.of(
                new ContentBlock.Text("Checking."),
                new ContentBlock.ToolUse("call_1", "get_weather", JsonParser.parse("{\"city\":\"Paris\"}")),
                new ContentBlock.ToolUse("call_2", "get_weather", null))));
        assertThat(messages.get(2)).isEqualTo(new Message(Role.USER, List.of(
                new ContentBlock.ToolResult("call_1", List.of(new ContentBlock.Text("18C")), false),
                new ContentBlock.ToolResult("call_2", List.of(new ContentBlock.Text("21C")), false))));
        assertThat(messages.get(3)).isEqualTo(Message.user("Thanks"));
    }

    @Test
    void givenAnAssistantWithOnlyToolCallsAndNullContent_itIsAccepted() {
        ChatRequest request = parse(withMessages("[{'role':'user','content':'Hi'},{'role':'assistant','content':null,"
                + "'tool_calls':[{'id':'c','type':'function','function':{'name':'f','arguments':'{}'}}]},"
                + "{'role':'tool','tool_call_id':'c','content':'done'}]"));

        assertThat(request.command().messages().get(1).content()).containsExactly(
                new ContentBlock.ToolUse("c", "f", null));
    }

    @Test
    void givenToolsAndOptions_toolsBecomeDefinitions_andStreamOptionsAreRead() {
        ChatRequest request = parse("{'model':'m','stream':true,'stream_options':{'include_usage':true},"
                + "'n':1,'max_tokens':10,'max_completion_tokens':20,'temperature':0.2,'top_p':1,'stop':['x','y'],"
                + "'user':'u1','tool_choice':{'type':'function','function':{'name':'get_weather'}},"
                + "'tools':[{'type':'function','function':{'name':'get_weather','description':'Weather',"
                + "'parameters':{'type':'object','properties':{'city':{'type':'string'}}}}}],"
                + "'messages':[{'role':'user','content':'Hi'}]}");

        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.command().tools()).containsExactly(new ToolDefinition("get_weather", "Weather",
                JsonParser.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}")));
        assertThat(request.command().toolChoice()).isEqualTo(new ToolChoice.Named("get_weather"));
    }

    @ParameterizedTest
    @CsvSource({"auto,Auto", "required,Any", "none,None"})
    void stringToolChoices_mapToTheirMeaning(String wire, String choice) {
        ChatRequest request = parse("{'model':'m','tool_choice':'" + wire + "','parallel_tool_calls':false,"
                + "'tools':[{'type':'function','function':{'name':'f'}}],'messages':[{'role':'user','content':'Hi'}]}");

        assertThat(request.command().toolChoice().getClass().getSimpleName()).isEqualTo(choice);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not json                                                      | Request body must be valid JSON
            []                                                            | Request body must be a JSON object
            {'messages':[{'role':'user','content':'Hi'}]}                 | model: is required
            {'model':'m'}                                                 | messages: is required
            {'model':'m','messages':[]}                                   | messages: must contain at least one message
            {'model':'m','messages':{}}                                   | messages: must be an array
            {'model':'m','messages':[{'role':'system','content':'x'}]}    | messages: must contain at least one user, assistant or tool message
            {'model':'m','messages':[{'role':'function','content':'x'}]}  | messages.0.role: must be "system", "developer", "user", "assistant" or "tool", got "function"
            {'model':'m','messages':[{'content':'x'}]}                    | messages.0.role: is required
            {'model':'m','n':2,'messages':[{'role':'user','content':'x'}]} | n: only 1 is supported
            {'model':'m','stream':'yes','messages':[{'role':'user','content':'x'}]} | stream: must be a boolean
            {'model':'m','temperature':'hot','messages':[{'role':'user','content':'x'}]} | temperature: must be a number
            {'model':'m','stop':[1],'messages':[{'role':'user','content':'x'}]} | stop: must be a string or an array of strings
            {'model':'m','max_tokens':1.5,'messages':[{'role':'user','content':'x'}]} | max_tokens: must be an integer
            {'model':'m','stream_options':{'include_usage':1},'messages':[{'role':'user','content':'x'}]} | stream_options.include_usage: must be a boolean
            {'model':'m','tools':[{'type':'function'}],'messages':[{'role':'user','content':'x'}]} | tools.0.function: must be an object
            {'model':'m','messages':[{'role':'user','content':[{'type':'input_audio'}]}]} | messages.0.content.0.type: must be "text" or "image_url", got "input_audio"
            {'model':'m','messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'ftp://x'}}]}]} | messages.0.content.0.image_url.url: must be an http(s) URL or a base64 data URL
            {'model':'m','messages':[{'role':'user','content':[]}]}       | messages.0.content: must not be empty
            {'model':'m','messages':[{'role':'user','content':'x'},{'role':'assistant'}]} | messages.1.content: must not be empty
            {'model':'m','messages':[{'role':'tool','content':'x'}]}      | messages.0.tool_call_id: is required
            {'model':'m','tool_choice':'any','messages':[{'role':'user','content':'x'}]} | tool_choice: must be "none", "auto", "required" or a function object
            {'model':'m','tool_choice':{'type':'function'},'messages':[{'role':'user','content':'x'}]} | tool_choice.function: must be an object
            {'model':'m','tool_choice':{'type':'custom','function':{'name':'f'}},'messages':[{'role':'user','content':'x'}]} | tool_choice.type: must be "function"
            {'model':'m','tool_choice':{'function':{'name':'nope'}},'messages':[{'role':'user','content':'x'}]} | tool_choice: names the tool "nope", which is not among the request's tools
            {'model':'m','parallel_tool_calls':'no','messages':[{'role':'user','content':'x'}]} | parallel_tool_calls: must be a boolean
            """)
    void givenABadRequest_itIsRejectedNamingTheField(String body, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidRequestException.class).hasMessage(message);
    }

    @Test
    void givenToolCallArgumentsThatAreNotJson_theRequestIsRejectedNamingTheArguments() {
        String body = withMessages("[{'role':'user','content':'x'},{'role':'assistant','tool_calls':["
                + "{'id':'a','type':'function','function':{'name':'f','arguments':'{}'}},"
                + "{'id':'b','type':'function','function':{'name':'f','arguments':'{city: Paris'}}]}]");

        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("messages.1.tool_calls.1.function.arguments: must be a JSON object encoded as a string");
    }
}
