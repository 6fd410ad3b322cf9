package io.catalogbatch.shared.xlsx;

import com.github.pjfanning.poi.xssf.streaming.TempFileSharedStringsTable;
import java.io.IOException;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.SAXException;

/**
 * A workbook's shared strings table: the texts of its cells when a program saved it (our export writes inline
 * strings, Excel, LibreOffice and Gnumeric write a table). Small tables are read into memory, the fastest; a large
 * one, a sheet of a million distinct texts saved by a program, goes to a temporary file (poi-shared-strings'
 * MVStore table), so that no workbook is ever held whole in memory. Close it to delete that file.
 */
final class SheetStrings {

    /** The size of the table's XML above which it goes to a file; a property so that the tests can take both ways. */
    static final String IN_MEMORY_LIMIT = "catalog-batch.xlsx.shared-strings-in-memory";
    private static final long DEFAULT_LIMIT = 16L << 20;

    private SheetStrings() {
    }

    static SharedStrings of(OPCPackage opc) throws IOException, SAXException {
        List<PackagePart> parts = opc.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        long size = parts.isEmpty() ? 0 : parts.get(0).getSize(); // -1 when the zip does not say
        if (size >= 0 && size <= Long.getLong(IN_MEMORY_LIMIT, DEFAULT_LIMIT)) {
            return new ReadOnlySharedStringsTable(opc, false);
        }
        return new TempFileSharedStringsTable(opc, false, false);
    }

    static void close(SharedStrings strings) throws IOException {
        if (strings instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
