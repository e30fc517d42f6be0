package dev.claudeproxy.adapters.http.openai;

import static dev.claudeproxy.adapters.http.common.Fields.invalid;
import static dev.claudeproxy.adapters.http.common.Fields.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.http.common.Fields;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ImageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads OpenAI message content: a string or an array of parts ({@code text}, {@code image_url}). */
final class ChatContentParser {

    private static final Pattern DATA_URL = Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);

    private ChatContentParser() {
    }

    /** Content that may only be text (system, developer, assistant, tool): its parts joined. */
    static String text(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < array(node, at).size(); i++) {
            String partAt = path(at, i);
            JsonNode part = Fields.requireObject(node.get(i), partAt);
            String type = Fields.requiredString(part, "type", path(partAt, "type"));
            if (!"text".equals(type) && !"refusal".equals(type)) {
                throw invalid(path(partAt, "type"), "must be \"text\" here");
            }
            parts.add(Fields.requiredString(part, type, path(partAt, type)));
        }
        return String.join("\n", parts);
    }

    /** A user message's content: text and image parts. */
    static List<ContentBlock> userContent(JsonNode node, String at) {
        if (node != null && node.isTextual()) {
            return List.of(new ContentBlock.Text(node.textValue()));
        }
        List<ContentBlock> blocks = new ArrayList<>();
        for (int i = 0; i < array(node, at).size(); i++) {
            String partAt = path(at, i);
            JsonNode part = Fields.requireObject(node.get(i), partAt);
            String type = Fields.requiredString(part, "type", path(partAt, "type"));
            blocks.add(switch (type) {
                case "text" -> new ContentBlock.Text(Fields.requiredString(part, "text", path(partAt, "text")));
                case "image_url" -> image(part, partAt);
                default -> throw invalid(path(partAt, "type"), "must be \"text\" or \"image_url\", got \"" + type + "\"");
            });
        }
        return blocks;
    }

    private static ContentBlock image(JsonNode part, String at) {
        JsonNode image = part.get("image_url");
        String urlAt = path(at, "image_url");
        // the API's shape is {"url": ...}; some clients send the URL as a plain string
        String url = image != null && image.isTextual() ? image.textValue()
                : Fields.requiredString(Fields.requireObject(image, urlAt), "url", path(urlAt, "url"));
        Matcher data = DATA_URL.matcher(url);
        if (data.matches()) {
            return Fields.build(urlAt, () -> new ContentBlock.Image(new ImageSource.Base64(data.group(1), data.group(2))));
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return new ContentBlock.Image(new ImageSource.Url(url));
        }
        throw invalid(path(urlAt, "url"), "must be an http(s) URL or a base64 data URL");
    }

    private static JsonNode array(JsonNode node, String at) {
        if (node == null || !node.isArray()) {
            throw invalid(at, "must be a string or an array of content parts");
        }
        return node;
    }
}
