package dev.claudeproxy.domain.message;

/** Where an image's bytes come from: inline base64 data or a URL. */
public sealed interface ImageSource {

    /** Inline base64 image data with its media type. */
    record Base64(String mediaType, String data) implements ImageSource {
        public Base64 {
            if (mediaType == null || mediaType.isBlank()) {
                throw new InvalidRequestException("image media_type is required");
            }
            if (data == null || data.isBlank()) {
                throw new InvalidRequestException("image data is required");
            }
        }
    }

    /** An image the model fetches from a URL. */
    record Url(String url) implements ImageSource {
        public Url {
            if (url == null || url.isBlank()) {
                throw new InvalidRequestException("image url is required");
            }
        }
    }
}
