import { QRCodeSVG } from 'qrcode.react'

/**
 * The otpauth:// link as a QR code, for an authenticator app's camera (qrcode.react, SVG: sharp at any zoom, no image
 * request). Loaded on demand (totp-steps.tsx): only an enrolment needs it. Dark on a white margin, the contrast
 * scanners expect.
 */
export function TotpQrCode({ uri }: { uri: string }) {
  return (
    <QRCodeSVG
      value={uri}
      size={176}
      level="M"
      marginSize={2}
      role="img"
      aria-label="QR code de configuration : scannez-le avec votre application d’authentification"
      title="QR code de configuration de la double authentification"
      data-testid="totp-qr-code"
    />
  )
}
