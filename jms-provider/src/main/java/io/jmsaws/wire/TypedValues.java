package io.jmsaws.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact, type-exact binary form for JMS values: Map and Stream bodies and the properties that
 * do not fit in SQS attributes. Strings use Java's modified UTF-8 with an int length, so any Java
 * string (lone surrogates and control characters included) survives the trip.
 */
public final class TypedValues {
    private TypedValues() {
    }

    public static byte[] writeMap(Map<String, Object> map) {
        return write(out -> {
            out.writeInt(map.size());
            for (Map.Entry<String, Object> e : map.entrySet()) {
                writeString(out, e.getKey());
                writeValue(out, e.getValue());
            }
        });
    }

    public static Map<String, Object> readMap(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int n = in.readInt();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = readString(in);
            map.put(name, readValue(in));
        }
        return map;
    }

    public static byte[] writeList(List<Object> values) {
        return write(out -> {
            out.writeInt(values.size());
            for (Object v : values) writeValue(out, v);
        });
    }

    public static List<Object> readList(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int n = in.readInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(readValue(in));
        return list;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            w.write(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, Object v) throws IOException {
        if (v == null) out.writeByte('N');
        else if (v instanceof Boolean b) { out.writeByte('Z'); out.writeBoolean(b); }
        else if (v instanceof Byte b) { out.writeByte('B'); out.writeByte(b); }
        else if (v instanceof Short s) { out.writeByte('S'); out.writeShort(s); }
        else if (v instanceof Character c) { out.writeByte('C'); out.writeChar(c); }
        else if (v instanceof Integer i) { out.writeByte('I'); out.writeInt(i); }
        else if (v instanceof Long l) { out.writeByte('J'); out.writeLong(l); }
        else if (v instanceof Float f) { out.writeByte('F'); out.writeFloat(f); }
        else if (v instanceof Double d) { out.writeByte('D'); out.writeDouble(d); }
        else if (v instanceof String s) { out.writeByte('T'); writeString(out, s); }
        else if (v instanceof byte[] b) { out.writeByte('Y'); out.writeInt(b.length); out.write(b); }
        else throw new IllegalArgumentException("not a JMS value: " + v.getClass().getName());
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 'N' -> null;
            case 'Z' -> in.readBoolean();
            case 'B' -> in.readByte();
            case 'S' -> in.readShort();
            case 'C' -> in.readChar();
            case 'I' -> in.readInt();
            case 'J' -> in.readLong();
            case 'F' -> in.readFloat();
            case 'D' -> in.readDouble();
            case 'T' -> readString(in);
            case 'Y' -> {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                yield b;
            }
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                buf.write(c);
            } else if (c <= 0x07FF) {
                buf.write(0xC0 | (c >> 6) & 0x1F);
                buf.write(0x80 | c & 0x3F);
            } else {
                buf.write(0xE0 | (c >> 12) & 0x0F);
                buf.write(0x80 | (c >> 6) & 0x3F);
                buf.write(0x80 | c & 0x3F);
            }
        }
        out.writeInt(buf.size());
        buf.writeTo(out);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        StringBuilder sb = new StringBuilder(b.length);
        for (int i = 0; i < b.length; ) {
            int x = b[i] & 0xFF;
            if (x < 0x80) {
                sb.append((char) x);
                i++;
            } else if ((x & 0xE0) == 0xC0 && i + 1 < b.length) {
                sb.append((char) ((x & 0x1F) << 6 | b[i + 1] & 0x3F));
                i += 2;
            } else if ((x & 0xF0) == 0xE0 && i + 2 < b.length) {
                sb.append((char) ((x & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F));
                i += 3;
            } else {
                throw new UTFDataFormatException("malformed string at byte " + i);
            }
        }
        return sb.toString();
    }
}
