package org.ecglab.data.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's JSON text (provenance files, attribution sidecars, interop bundles), written and read with Gson in one
 * configuration. Writing: maps, collections, arrays, strings, numbers, booleans and null as Gson serialises them,
 * pretty-printed, null values of maps kept, with {@code <}, {@code >}, {@code =} and {@code '} kept as they are (no
 * HTML escaping); NaN and infinities have no JSON form and are rejected. Reading is strict RFC 8259 (Gson's strict
 * tokenizer: no comments, trailing commas, unquoted names or NaN) and also rejects a name given twice in one object:
 * objects become maps in document order, arrays lists, integers {@link Long}, other numbers {@link Double}. Typed
 * access with errors that name the field: {@link JsonFields}.
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private Json() {
    }

    /**
     * {@code value} as pretty-printed JSON text ending in a newline.
     *
     * @throws IllegalArgumentException if a number is NaN or infinite
     */
    public static String write(Object value) {
        return GSON.toJson(value) + "\n";
    }

    /**
     * Parses one JSON value.
     *
     * @throws IllegalArgumentException saying where the text is malformed (line, column and path), or that it is empty
     */
    public static Object parse(String text) {
        try (JsonReader in = new JsonReader(new StringReader(text))) {
            in.setStrictness(Strictness.STRICT);
            Object value = read(in);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("text after the value" + in.toString().replace("JsonReader", ""));
            }
            return value;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
    }

    // Gson's Object adapter keeps the last of two equal names silently, so values are built here from its tokens.
    private static Object read(JsonReader in) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    if (m.containsKey(name)) {
                        throw new MalformedJsonException("duplicate name \"" + name + "\" at " + in.getPath());
                    }
                    m.put(name, read(in));
                }
                in.endObject();
                return m;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                in.beginArray();
                while (in.hasNext()) {
                    list.add(read(in));
                }
                in.endArray();
                return list;
            }
            case STRING -> {
                return in.nextString();
            }
            case NUMBER -> {
                return ToNumberPolicy.LONG_OR_DOUBLE.readNumber(in);
            }
            case BOOLEAN -> {
                return in.nextBoolean();
            }
            case NULL -> {
                in.nextNull();
                return null;
            }
            default -> throw new MalformedJsonException("expected a value" + in.toString().replace("JsonReader", ""));
        }
    }
}
