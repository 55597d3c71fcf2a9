package org.unbinddesk.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What a reviewer is shown of a PDF: every page carries the watermark of the images ({@link Watermark}), laid over it
 * as a picture (so no font has to be embedded), and the document's metadata, scripts and open action are removed. The
 * stored original is untouched. The file is worked on from a temporary file, never held whole in memory.
 */
public final class PdfWatermark {

	/** Dots per point of the watermark's picture: sharp enough on screen, small enough to send. */
	private static final float SCALE = 1.5f;

	private PdfWatermark() {
	}

	public static void render(InputStream original, String caseNumber, OutputStream out) throws IOException {
		Path file = Files.createTempFile("unbinddesk-", ".pdf");
		try {
			Files.copy(original, file, StandardCopyOption.REPLACE_EXISTING);
			try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
				scrub(pdf);
				Map<String, PDImageXObject> overlays = new HashMap<>();
				for (PDPage page : pdf.getPages()) {
					PDRectangle box = page.getCropBox();
					String size = Math.round(box.getWidth()) + "x" + Math.round(box.getHeight());
					PDImageXObject overlay = overlays.get(size);
					if (overlay == null) {
						BufferedImage picture = Watermark.overlay(Math.max(1, Math.round(box.getWidth() * SCALE)),
								Math.max(1, Math.round(box.getHeight() * SCALE)), caseNumber);
						overlay = LosslessFactory.createFromImage(pdf, picture);
						overlays.put(size, overlay);
					}
					try (PDPageContentStream content = new PDPageContentStream(pdf, page,
							PDPageContentStream.AppendMode.APPEND, true, true)) {
						content.drawImage(overlay, box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(),
								box.getHeight());
					}
				}
				pdf.save(out);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** Whether the file is a PDF the desk can open (and so show with its watermark). */
	static boolean readable(InputStream original) {
		try {
			Path file = Files.createTempFile("unbinddesk-", ".pdf");
			try {
				Files.copy(original, file, StandardCopyOption.REPLACE_EXISTING);
				try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
					return pdf.getNumberOfPages() > 0 && !pdf.isEncrypted();
				}
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** The author, producer, dates and XMP metadata go, and so does anything that would run on opening. */
	private static void scrub(PDDocument pdf) {
		pdf.setDocumentInformation(new PDDocumentInformation());
		PDDocumentCatalog catalog = pdf.getDocumentCatalog();
		catalog.setMetadata(null);
		catalog.setOpenAction(null);
		catalog.setActions(null);
		if (catalog.getNames() != null) {
			catalog.getNames().setJavascript(null);
		}
	}

}
