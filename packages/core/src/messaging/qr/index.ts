/**
 * QR downloads of WeCom codes: the content of a code's `qr_code` image (fetched, decoded with jsQR,
 * cached per URL), drawn again at print sizes as PNG or SVG, error correction H, with the brand logo.
 * Live codes and group codes both pass their image URL to `qrCodeFile`. docs/wecom.md.
 */
export { clearQrContentCache, type QrFile, type QrFileInput, qrCodeFile, readQrContent } from './qr-file.service';
export { decodeQrImage, fetchImage } from './qr-image';
export { brandInitial, brandLogo, initialLogo } from './qr-logo';
export { checkQrSize, qrPng, qrSvg, renderQr } from './qr-render';
